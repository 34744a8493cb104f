// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_errors.proto

/**
 * Machine-readable failure reasons of EntitlementService, sent as strings (the value names) in the
 * trailing metadata `error-reason`. The names are bare on purpose: they are the wire strings, so
 * buf's ENUM_VALUE_PREFIX rule is switched off for this file only. Add values; never rename or reuse.
 */
export const ErrorReason = {
  ERROR_REASON_UNSPECIFIED: 'ERROR_REASON_UNSPECIFIED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  UNAVAILABLE: 'UNAVAILABLE',
  TEAM_NOT_FOUND: 'TEAM_NOT_FOUND',
  /**
   * RevenueCat answered 5xx, timed out, or the circuit breaker is open. Retriable.
   */
  REVENUECAT_UNAVAILABLE: 'REVENUECAT_UNAVAILABLE',
  /**
   * RevenueCat answered 429 or 423. Retriable after the delay the message names.
   */
  REVENUECAT_RATE_LIMITED: 'REVENUECAT_RATE_LIMITED',
  /**
   * RevenueCat rejected the call (4xx other than 429/423): not retriable as is.
   */
  REVENUECAT_REJECTED: 'REVENUECAT_REJECTED',
  TEAM_SERVICE_UNAVAILABLE: 'TEAM_SERVICE_UNAVAILABLE',
  /**
   * PERMISSION_DENIED rule: an app token called an internal RPC.
   */
  INTERNAL_ONLY: 'INTERNAL_ONLY',
  /**
   * RESOURCE_EXHAUSTED: too many RevenueCat calls of this kind wait for the rate. Retriable; the
   * message says which queue and when. (Numbered from 30 so that values added meanwhile elsewhere
   * do not clash.)
   */
  REVENUECAT_QUEUE_FULL: 'REVENUECAT_QUEUE_FULL',
  /**
   * UNAVAILABLE: the call waited the longest it may wait for the rate. Retriable.
   */
  REVENUECAT_QUEUE_TIMEOUT: 'REVENUECAT_QUEUE_TIMEOUT',
} as const;

/**
 * Machine-readable failure reasons of EntitlementService, sent as strings (the value names) in the
 * trailing metadata `error-reason`. The names are bare on purpose: they are the wire strings, so
 * buf's ENUM_VALUE_PREFIX rule is switched off for this file only. Add values; never rename or reuse.
 */
export type ErrorReason =
  | 'ERROR_REASON_UNSPECIFIED'
  | 0
  | 'UNAUTHENTICATED'
  | 1
  | 'INVALID_ARGUMENT'
  | 2
  | 'UNAVAILABLE'
  | 3
  | 'TEAM_NOT_FOUND'
  | 4
  /**
   * RevenueCat answered 5xx, timed out, or the circuit breaker is open. Retriable.
   */
  | 'REVENUECAT_UNAVAILABLE'
  | 5
  /**
   * RevenueCat answered 429 or 423. Retriable after the delay the message names.
   */
  | 'REVENUECAT_RATE_LIMITED'
  | 6
  /**
   * RevenueCat rejected the call (4xx other than 429/423): not retriable as is.
   */
  | 'REVENUECAT_REJECTED'
  | 7
  | 'TEAM_SERVICE_UNAVAILABLE'
  | 8
  /**
   * PERMISSION_DENIED rule: an app token called an internal RPC.
   */
  | 'INTERNAL_ONLY'
  | 9
  /**
   * RESOURCE_EXHAUSTED: too many RevenueCat calls of this kind wait for the rate. Retriable; the
   * message says which queue and when. (Numbered from 30 so that values added meanwhile elsewhere
   * do not clash.)
   */
  | 'REVENUECAT_QUEUE_FULL'
  | 30
  /**
   * UNAVAILABLE: the call waited the longest it may wait for the rate. Retriable.
   */
  | 'REVENUECAT_QUEUE_TIMEOUT'
  | 31

/**
 * Machine-readable failure reasons of EntitlementService, sent as strings (the value names) in the
 * trailing metadata `error-reason`. The names are bare on purpose: they are the wire strings, so
 * buf's ENUM_VALUE_PREFIX rule is switched off for this file only. Add values; never rename or reuse.
 */
export type ErrorReason__Output = typeof ErrorReason[keyof typeof ErrorReason]
