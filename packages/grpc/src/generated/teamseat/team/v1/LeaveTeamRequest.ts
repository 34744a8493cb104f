// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface LeaveTeamRequest {
  'teamId'?: (string);
  'actorUserId'?: (string);
}

export interface LeaveTeamRequest__Output {
  'teamId': (string);
  'actorUserId': (string);
}
