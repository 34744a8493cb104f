import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CLOUDEVENTS_KAFKA_CONTENT_TYPE, cloudEventKafkaHeaders } from '../../src';
import { eventJsonSchemas } from '../../scripts/json-schemas';

const SCHEMAS = path.join(__dirname, '../../schemas');
const FIXTURES = path.join(__dirname, '../fixtures');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMAS)) ajv.addSchema(readJson(path.join(SCHEMAS, file)) as object, file);
  return (event: { type: string }) => {
    const validate = ajv.getSchema(`${event.type}.schema.json`);
    if (!validate) return [`no schema for ${event.type}`];
    return validate(event)
      ? []
      : (validate.errors ?? []).map((e) => `${event.type}${e.instancePath} ${e.message}`);
  };
}

const fixtureEvents = () =>
  readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.v1.json'))
    .flatMap(
      (file) => readJson(path.join(FIXTURES, file)) as Array<{ type: string; data: Record<string, unknown> }>,
    );

describe('JSON Schemas of the Kafka events (packages/contracts/schemas)', () => {
  it('when generated from the zod contracts, then they equal the checked-in files (npm run schemas -w @teamseat/contracts)', () => {
    const generated = eventJsonSchemas();
    expect(readdirSync(SCHEMAS).sort()).to.deep.equal([...generated.keys()].sort());
    for (const [file, schema] of generated) {
      expect(readJson(path.join(SCHEMAS, file)), file).to.deep.equal(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('when every fixture event is checked against the schema of its type, then each is valid', () => {
    const validate = validator();
    const events = fixtureEvents();
    expect(events.length).to.be.greaterThan(15);
    expect(events.flatMap(validate)).to.deep.equal([]);
  });

  it('when a fixture lacks its id or has a mistyped field, then its schema rejects it naming the field', () => {
    const validate = validator();
    const [event] = fixtureEvents().filter((e) => e.type === 'teamseat.team.MemberAdded.v1');
    const { id: _id, ...withoutId } = event as unknown as { id: string; type: string };
    const mistyped = { ...event!, data: { ...event!.data, teamVersion: 'seven' } };

    expect(validate(withoutId).join()).to.contain("must have required property 'id'");
    expect(validate(mistyped).join()).to.contain('/data/teamVersion must be');
  });

  it('when a record carries an event, then its headers name the structured CloudEvents content type', () => {
    expect(cloudEventKafkaHeaders({})).to.deep.equal({ 'content-type': CLOUDEVENTS_KAFKA_CONTENT_TYPE });
    expect(cloudEventKafkaHeaders({ traceparent: '00-abc-def-01' })).to.include({
      traceparent: '00-abc-def-01',
    });
    expect(CLOUDEVENTS_KAFKA_CONTENT_TYPE).to.equal('application/cloudevents+json; charset=UTF-8');
  });
});
