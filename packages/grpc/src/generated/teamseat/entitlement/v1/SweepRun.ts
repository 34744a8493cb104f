// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * One sweep run that held the lease.
 */
export interface SweepRun {
  /**
   * The replica that ran it (its instance id).
   */
  'instanceId'?: (string);
  'startedAt'?: (_google_protobuf_Timestamp | null);
  'finishedAt'?: (_google_protobuf_Timestamp | null);
  'grantsRetried'?: (number);
  'teamsChecked'?: (number);
  'customersResynced'?: (number);
  'failures'?: (number);
  /**
   * Set when the run stopped early (the lease was lost).
   */
  'stoppedEarly'?: (string);
}

/**
 * One sweep run that held the lease.
 */
export interface SweepRun__Output {
  /**
   * The replica that ran it (its instance id).
   */
  'instanceId': (string);
  'startedAt': (_google_protobuf_Timestamp__Output | null);
  'finishedAt': (_google_protobuf_Timestamp__Output | null);
  'grantsRetried': (number);
  'teamsChecked': (number);
  'customersResynced': (number);
  'failures': (number);
  /**
   * Set when the run stopped early (the lease was lost).
   */
  'stoppedEarly': (string);
}
