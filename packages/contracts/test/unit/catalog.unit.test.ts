import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import {
  findSeatPack,
  findTeamProduct,
  loadCatalogFile,
  parseCatalog,
  type CatalogInput,
} from '@teamseat/contracts';

const samplePath = path.resolve(__dirname, '../../../../config/catalog.sample.yaml');

function teamProduct(overrides: Record<string, unknown> = {}) {
  return {
    productId: 'team_basic',
    managementEntitlement: 'team_admin',
    memberEntitlements: ['pro'],
    seats: 5,
    grantMode: 'period',
    shrinkPolicy: 'block',
    ...overrides,
  };
}

function catalogError(value: unknown): AppError {
  try {
    parseCatalog(value);
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected parseCatalog to throw');
}

describe('catalog', function () {
  let dir: string;
  before(function () {
    dir = mkdtempSync(path.join(tmpdir(), 'teamseat-catalog-'));
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the sample catalog is loaded, then it has the documented products and defaults', function () {
    const catalog = loadCatalogFile(samplePath);
    const monthly = findTeamProduct(catalog, 'team_pro_monthly');
    expect(monthly).to.include({ seats: 3, managementEntitlement: 'team_admin', ownerTakesSeat: false });
    expect(monthly?.memberEntitlements).to.deep.equal(['pro']);
    expect(findTeamProduct(catalog, 'team_pro_yearly')).to.include({ seats: 10, grantBufferHours: 24 });
    expect(findTeamProduct(catalog, 'team_lifetime_monthly')).to.include({
      grantMode: 'lifetime',
      managementEntitlement: 'team_lifetime_admin',
    });
    expect(catalog.storeProducts.map((p) => p.productId)).to.deep.equal(['pro_monthly']);
    expect(findTeamProduct(catalog, 'pro_monthly')).to.equal(undefined);
  });

  it('when optional fields are left out, then the defaults apply', function () {
    const catalog = parseCatalog({ products: [teamProduct()] });
    expect(catalog.products[0]).to.include({
      ownerTakesSeat: false,
      adminChoiceGraceHours: 72,
      grantBufferHours: 24,
    });
    expect(catalog.storeProducts).to.deep.equal([]);
  });

  it('when a Play product id arrives, then the declared form or the subscription id finds the product', function () {
    const catalog = parseCatalog({
      products: [
        teamProduct({ productId: 'team_pro_monthly', playProductId: 'team_pro:monthly' }),
        teamProduct({ productId: 'team_basic' }),
      ],
    });
    expect(findTeamProduct(catalog, 'team_pro:monthly')?.productId).to.equal('team_pro_monthly');
    expect(findTeamProduct(catalog, 'team_pro')?.productId).to.equal('team_pro_monthly');
    expect(findTeamProduct(catalog, 'team_basic:any-plan')?.productId).to.equal('team_basic');
    expect(findTeamProduct(catalog, 'team_pro_monthly:yearly')).to.equal(undefined);
    expect(findTeamProduct(catalog, ':plan')).to.equal(undefined);
  });

  it('when values are out of range or misspelt, then every problem is named', function () {
    const error = catalogError({
      products: [teamProduct({ seats: 100_001, grantMode: 'forever', memberEntitlements: [], sets: 3 })],
    });
    expect(error.reason).to.equal('INVALID_CATALOG');
    expect(error.message)
      .to.contain('products.0.seats')
      .and.to.contain('products.0.grantMode')
      .and.to.contain('products.0.memberEntitlements')
      .and.to.contain("Unrecognized key(s) in object: 'sets'");
    expect(catalogError({ products: [teamProduct({ seats: 0 })] }).details['field']).to.equal(
      'products.0.seats',
    );
    expect(catalogError({ products: [teamProduct({ seats: 2.5 })] }).message).to.contain('products.0.seats');
    expect(catalogError({ products: [teamProduct({ playProductId: 'no-colon' })] }).message).to.contain(
      'subscription:base-plan',
    );
    expect(
      catalogError({ products: [teamProduct({ memberEntitlements: ['team_admin'] })] }).message,
    ).to.contain('must not include the management entitlement');
  });

  it('when product ids repeat across products and Play forms, then the duplicate is named', function () {
    const input: CatalogInput = {
      products: [
        teamProduct({ productId: 'a', playProductId: 'x:y' }) as CatalogInput['products'][number],
        teamProduct({ productId: 'b' }) as CatalogInput['products'][number],
      ],
      storeProducts: [{ productId: 'x:y', entitlements: ['pro'], type: 'subscription' }],
    };
    expect(catalogError(input).message).to.contain(
      'storeProducts.0.productId: product id "x:y" already used by products.0.playProductId',
    );
    expect(catalogError({ products: [teamProduct(), teamProduct()] }).message).to.contain(
      'products.1.productId',
    );
  });

  it('when two products are base plans of one Play subscription, then the catalog is refused', function () {
    const error = catalogError({
      products: [
        teamProduct({ productId: 'team_monthly', playProductId: 'team:monthly' }),
        teamProduct({ productId: 'team_yearly', playProductId: 'team:yearly' }),
      ],
    });
    expect(error.message).to.contain(
      'products.1.playProductId: product id "team" already used by products.0',
    );
  });

  it('when the sample catalog is loaded, then its seat pack adds seats to the team_admin line, found by either id form', function () {
    const catalog = loadCatalogFile(samplePath);
    const pack = findSeatPack(catalog, 'team_seats_5_monthly:monthly');
    expect(pack).to.include({ productId: 'team_seats_5_monthly', addsSeatsTo: 'team_admin', seats: 5 });
    expect(findSeatPack(catalog, 'team_seats_5_monthly')).to.equal(pack);
    expect(findTeamProduct(catalog, 'team_seats_5_monthly')).to.equal(undefined);
  });

  it('when a seat pack names no line, a group of another line, or a taken id, then the field is named', function () {
    const products = [
      teamProduct(),
      teamProduct({ productId: 'other', managementEntitlement: 'other_admin' }),
    ];
    const pack = { productId: 'seats_5', addsSeatsTo: 'team_admin', seats: 5 };
    const messages = [
      catalogError({ products, seatPacks: [{ ...pack, addsSeatsTo: 'nobody' }] }).message,
      catalogError({ products, seatPacks: [{ ...pack, teamGroup: 'other_admin' }] }).message,
      catalogError({ products, seatPacks: [{ ...pack, productId: 'team_basic' }] }).message,
      catalogError({ products, seatPacks: [{ ...pack, seats: 0 }] }).message,
    ];
    expect(messages[0]).to.contain('seatPacks.0.addsSeatsTo');
    expect(messages[1]).to.contain('seatPacks.0.teamGroup');
    expect(messages[2]).to.contain(
      'seatPacks.0.productId: product id "team_basic" already used by products.0',
    );
    expect(messages[3]).to.contain('seatPacks.0.seats');
    expect(parseCatalog({ products, seatPacks: [pack] }).seatPacks).to.deep.equal([pack]);
  });

  it('when the file is JSON, then it loads too', function () {
    const file = path.join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ products: [teamProduct()] }));
    expect(loadCatalogFile(file).products[0]?.productId).to.equal('team_basic');
  });

  it('when the file is missing or not YAML, then the error names the file', function () {
    const missing = path.join(dir, 'missing.yaml');
    expect(() => loadCatalogFile(missing)).to.throw(AppError, `catalog ${missing}: cannot be read (ENOENT)`);
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'products: [\n  - productId: a\n  seats: {');
    expect(() => loadCatalogFile(broken)).to.throw(AppError, 'is not valid YAML or JSON');
    const invalid = path.join(dir, 'invalid.yaml');
    writeFileSync(invalid, 'products:\n  - productId: a\n');
    expect(() => loadCatalogFile(invalid)).to.throw(
      AppError,
      `catalog ${invalid}: products.0.managementEntitlement`,
    );
  });
});
