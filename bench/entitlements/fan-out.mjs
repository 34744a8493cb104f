// Part 3 of bench/entitlements: filled in once team-service can run (it owns the 1,000-member roster).
export async function measureFanOut({ settings }) {
  return {
    members: settings.fanOutMembers,
    ratePerSec: settings.fanOutRate,
    elapsedS: NaN,
    revoked: 0,
    idealS: settings.fanOutMembers / settings.fanOutRate,
    fixedSpacingS: settings.fanOutMembers * 0.5,
  };
}
