// A bare grpc-js server answering ListTeamsOfUser with the reads team-service makes (the user's view
// document, then each team's summary, by `_id`), with the driver and nothing else: no validation, no page
// tokens, no interceptors, no metrics. bench/team-service/run.mjs drives it with ghz beside team-service, so
// the two differ only in what team-service itself does; the load generator and the extra process are on both.
// Env: MONGODB_URI (with the database), MONGODB_POOL_SIZE (32, team-service's default). Prints
// {"msg":"bare reads server started","port":N} on stdout once it listens.
import grpc from '@grpc/grpc-js';
import mongoose from 'mongoose';
import { loadEmbeddedDescriptors } from '@teamseat/grpc';

const client = await mongoose.mongo.MongoClient.connect(process.env.MONGODB_URI, {
  maxPoolSize: Number(process.env.MONGODB_POOL_SIZE ?? 32),
});
const db = client.db();
const proto = grpc.loadPackageDefinition(loadEmbeddedDescriptors());
const server = new grpc.Server();
const seconds = (date) => ({ seconds: String(Math.floor(date.getTime() / 1000)), nanos: 0 });

server.addService(proto.teamseat.team.v1.TeamService.service, {
  ListTeamsOfUser(call, callback) {
    const { userId } = call.request;
    db.collection('user_teams')
      .findOne({ _id: userId })
      .then((index) =>
        Promise.all(
          Object.keys(index?.teams ?? {}).map((teamId) =>
            db.collection('team_summaries').findOne({ _id: teamId }),
          ),
        ),
      )
      .then(
        (summaries) =>
          callback(null, {
            // The same fields team-service answers with, copied as stored: the answer is as large.
            memberships: summaries.filter(Boolean).map((s) => ({
              team: {
                teamId: s._id,
                ownerUserId: s.ownerUserId,
                subscriberUserId: s.subscriberUserId,
                productId: s.productId,
                seatLimit: s.seatLimit,
                seatsUsed: s.seatsUsed,
                pendingInvites: s.pendingInvites,
                seatsAvailable: s.seatsAvailable,
                periodEndsAt: s.periodEndsAt && seconds(s.periodEndsAt),
                memberEntitlements: s.memberEntitlements,
                admins: s.admins,
                version: String(s.version),
                createdAt: seconds(s.createdAt),
                updatedAt: s.updatedAt && seconds(s.updatedAt),
                memberCount: s.memberCount,
                managementEntitlement: s.managementEntitlement,
              },
              role: s.ownerUserId === userId ? 'ROLE_OWNER' : 'ROLE_MEMBER',
            })),
          }),
        (error) => callback({ code: grpc.status.UNAVAILABLE, message: error.message }),
      );
  },
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  console.log(JSON.stringify({ msg: 'bare reads server started', port }));
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.tryShutdown(() => client.close().then(() => process.exit(0))));
}
