// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

export const InviteStatus = {
  INVITE_STATUS_UNSPECIFIED: 'INVITE_STATUS_UNSPECIFIED',
  INVITE_STATUS_PENDING: 'INVITE_STATUS_PENDING',
  INVITE_STATUS_ACCEPTED: 'INVITE_STATUS_ACCEPTED',
  INVITE_STATUS_REVOKED: 'INVITE_STATUS_REVOKED',
  INVITE_STATUS_EXPIRED: 'INVITE_STATUS_EXPIRED',
} as const;

export type InviteStatus =
  | 'INVITE_STATUS_UNSPECIFIED'
  | 0
  | 'INVITE_STATUS_PENDING'
  | 1
  | 'INVITE_STATUS_ACCEPTED'
  | 2
  | 'INVITE_STATUS_REVOKED'
  | 3
  | 'INVITE_STATUS_EXPIRED'
  | 4

export type InviteStatus__Output = typeof InviteStatus[keyof typeof InviteStatus]
