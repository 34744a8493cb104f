// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetMemberGrantRequest {
  'teamId'?: (string);
  'userId'?: (string);
  /**
   * The team version the caller holds (a fact's). When the listing views trail it (written late by another
   * replica), the answer is read from the team's log instead, at that version or later; a version the team
   * never reached gets the current one. 0: answer from the views.
   */
  'minVersion'?: (number | string | Long);
}

export interface GetMemberGrantRequest__Output {
  'teamId': (string);
  'userId': (string);
  /**
   * The team version the caller holds (a fact's). When the listing views trail it (written late by another
   * replica), the answer is read from the team's log instead, at that version or later; a version the team
   * never reached gets the current one. 0: answer from the views.
   */
  'minVersion': (string);
}
