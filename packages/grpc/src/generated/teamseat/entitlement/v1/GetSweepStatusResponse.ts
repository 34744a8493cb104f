// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { SweepRun as _teamseat_entitlement_v1_SweepRun, SweepRun__Output as _teamseat_entitlement_v1_SweepRun__Output } from '../../../teamseat/entitlement/v1/SweepRun';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface GetSweepStatusResponse {
  /**
   * False when SWEEP_INTERVAL_MS is 0 on the answering replica.
   */
  'enabled'?: (boolean);
  'intervalMs'?: (number);
  /**
   * The last run of any replica; absent before the first.
   */
  'lastRun'?: (_teamseat_entitlement_v1_SweepRun | null);
  /**
   * Who holds the sweep lease and until when; empty holder when nobody does.
   */
  'leaseHolder'?: (string);
  'leaseUntil'?: (_google_protobuf_Timestamp | null);
  /**
   * When the answering replica's timer fires next (absent while a run is in progress or disabled).
   */
  'nextRunAt'?: (_google_protobuf_Timestamp | null);
  /**
   * The answering replica's own last attempt, and why it did no work when it skipped.
   */
  'lastAttemptAt'?: (_google_protobuf_Timestamp | null);
  'lastAttemptSkipped'?: (string);
  /**
   * The answering replica's instance id.
   */
  'instanceId'?: (string);
}

export interface GetSweepStatusResponse__Output {
  /**
   * False when SWEEP_INTERVAL_MS is 0 on the answering replica.
   */
  'enabled': (boolean);
  'intervalMs': (number);
  /**
   * The last run of any replica; absent before the first.
   */
  'lastRun': (_teamseat_entitlement_v1_SweepRun__Output | null);
  /**
   * Who holds the sweep lease and until when; empty holder when nobody does.
   */
  'leaseHolder': (string);
  'leaseUntil': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the answering replica's timer fires next (absent while a run is in progress or disabled).
   */
  'nextRunAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * The answering replica's own last attempt, and why it did no work when it skipped.
   */
  'lastAttemptAt': (_google_protobuf_Timestamp__Output | null);
  'lastAttemptSkipped': (string);
  /**
   * The answering replica's instance id.
   */
  'instanceId': (string);
}
