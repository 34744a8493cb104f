// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

export const TransferKind = {
  TRANSFER_KIND_UNSPECIFIED: 'TRANSFER_KIND_UNSPECIFIED',
  TRANSFER_KIND_OWNER_INITIATED: 'TRANSFER_KIND_OWNER_INITIATED',
  TRANSFER_KIND_STORE_TRANSFER: 'TRANSFER_KIND_STORE_TRANSFER',
} as const;

export type TransferKind =
  | 'TRANSFER_KIND_UNSPECIFIED'
  | 0
  | 'TRANSFER_KIND_OWNER_INITIATED'
  | 1
  | 'TRANSFER_KIND_STORE_TRANSFER'
  | 2

export type TransferKind__Output = typeof TransferKind[keyof typeof TransferKind]
