// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface GetSweepStatusRequest {
}

export interface GetSweepStatusRequest__Output {
}
