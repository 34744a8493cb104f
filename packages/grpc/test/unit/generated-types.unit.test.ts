import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import { expect } from 'chai';
import { loadTeamseatProtos, Role, TeamErrorReason, EntitlementErrorReason } from '../../src';

const srcDir = path.resolve(__dirname, '../../src');

/** Every generated message, enum and service module, as `./generated/...` specifiers. */
function generatedModules(dir = path.join(srcDir, 'generated/teamseat')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? generatedModules(path.join(dir, entry.name))
      : [`./${path.relative(srcDir, path.join(dir, entry.name)).replace(/\.ts$/, '')}`],
  );
}

describe('generated gRPC types', () => {
  it('when the protos gain a message, enum or service, then the package root exports it too', () => {
    const barrel = readFileSync(path.join(srcDir, 'generated-types.ts'), 'utf8');
    const missing = generatedModules().filter((specifier) => !barrel.includes(`from '${specifier}'`));
    expect(missing, 'add these to packages/grpc/src/generated-types.ts').to.deep.equal([]);
  });

  it('when both packages define ErrorReason, then each is exported under its own name', () => {
    expect(TeamErrorReason.TEAM_NOT_FOUND).to.equal('TEAM_NOT_FOUND');
    expect(EntitlementErrorReason).to.not.equal(TeamErrorReason);
    expect(Role.ROLE_OWNER).to.equal('ROLE_OWNER');
  });

  it('when the protos are loaded, then both services are there with their method definitions', () => {
    const protos = loadTeamseatProtos();
    expect(protos.teamseat.team.v1.TeamService.service.AddMember.path).to.equal(
      '/teamseat.team.v1.TeamService/AddMember',
    );
    expect(protos.teamseat.entitlement.v1.EntitlementService.service.CheckAccess.path).to.equal(
      '/teamseat.entitlement.v1.EntitlementService/CheckAccess',
    );
  });

  it('when a package definition lacks a teamseat service, then loading it fails instead of lying', () => {
    const healthOnly = protoLoader.loadSync(
      require.resolve('grpc-health-check/proto/health/v1/health.proto'),
    );
    expect(() => loadTeamseatProtos(healthOnly)).to.throw('lacks a teamseat service');
  });
});
