/**
 * The Halo client's public surface, for the layers above (bulk, runtime, functions, task pane, office,
 * cli). Everything outside src/halo imports from here, never from the files behind it (lint refuses
 * it). Add an export here when you need one.
 */
export { createHaloClient } from "./client";
export type { HaloClient, HaloClientOptions, HttpMethod, QueryValue, RequestOptions } from "./client";
export type { AuthMethod, AuthorizationCodeAuth, ClientCredentialsAuth, SecretPlacement } from "./auth";
export { signInWithSecret, signInWithPkce, resumePkceSignIn } from "./signIn";
export type { SecretSignIn, PkceSignIn, PkceResume, SignInTransport } from "./signIn";
export { beginAuthorization, completeAuthorization } from "./authorize";
export type { AuthorizationRequest, PendingAuthorization } from "./authorize";
export { discoverAuthServer, defaultAuthServer } from "./authServer";
export type { AuthServer } from "./authServer";
export type { FetchFn, HttpContext } from "./http";
export { systemClock } from "./clock";
export type { Clock } from "./clock";
export { HaloError, isHaloError } from "./errors";
export { classifyFailure, defaultRetryPolicy, retryDelayMs } from "./retry";
export type { FailureClass, RetryEvent, RetryPolicy } from "./retry";
export type { HaloErrorKind } from "./errors";
export { normaliseInstanceUrl } from "./instance";
export { RateLimiter, sharedRateLimiter } from "./rateLimit";
export type { RateLimitForecast, RateLimitOptions, RateLimitState } from "./rateLimit";
export type { RateLimitRule } from "./rateLimitLearner";
export { MemoryTokenStore, tokenKey } from "./tokenStore";
export type { TokenSet, TokenStore } from "./tokenStore";
export { walkPages } from "./paginate";
export type { HaloRecord, PageInfo, WalkOptions, WalkResult } from "./paginate";
export {
  listEntities,
  getEntity,
  getEntities,
  newestEntities,
  hasIdListFilter,
  postEntities,
} from "./entities";
export type { CallOptions, ListOptions, PostResult } from "./entities";
export { listReports, loadReport, runSql } from "./reports";
export type { LoadedReport, ReportSummary } from "./reports";
export type { ReportColumn, ReportColumnType, ReportRow, ReportValue } from "./reportValues";
export { entitySchema, entityNames, customFieldSchema } from "./schema";
export type { EntitySchema, FieldSchema, FieldType } from "./schema";
export {
  pullSource,
  sourceLabel,
  entityLabel,
  estimateEntityPull,
  costOf,
  HALO_REQUESTS_PER_WINDOW,
  HALO_WINDOW_SECONDS,
} from "./pullSource";
export type {
  PullSource,
  PulledTable,
  PullWarning,
  PullWarningKind,
  PullProgress,
  PullOptions,
  PullEstimate,
} from "./pullSource";
