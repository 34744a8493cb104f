import { expect } from 'chai';
import { startHarness, provisionTeam, type Harness } from '../support/harness';

describe('team-service smoke', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  it('when a team is provisioned and a member added, then the member is listed', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    expect(team.seatLimit).to.equal(3);
    const added = await harness.app('AddMember', { teamId: team.teamId, userId: 'u1', actorUserId: owner });
    expect(added.team.seatsUsed).to.equal(1);
    const members = await harness.app('ListMembers', { teamId: team.teamId });
    expect(members.members.map((m: { userId: string }) => m.userId)).to.have.members([owner, 'u1']);
    const teams = await harness.app('ListTeamsOfUser', { userId: 'u1' });
    expect(teams.memberships).to.have.length(1);
  });
});
