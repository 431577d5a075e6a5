export * from './tenancy.entity.ts';
export * from './organization.entity.ts';
export * from './registry.entity.ts';
export * from './auth.entity.ts';
export * from './audit.entity.ts';
export * from './access.entity.ts';
export * from './request.entity.ts';
export * from './meeting.entity.ts';
export * from './operations.entity.ts';
export * from './registers.entity.ts';
export * from './procedure.entity.ts';
export type { Database } from './kysely.types.ts';
import { DeploymentSetting, Municipality } from './tenancy.entity.ts';
import { Contractor, ContractorPerson, OrgUnit, Position, PositionTenure, RoleBinding, Staff } from './organization.entity.ts';
import {
  Committee,
  CommitteeMember,
  DataItem,
  InformationAsset,
  InformationAssetOwner,
  InformationAssetSystem,
  LicenceAllocation,
  LicencePool,
  System,
  SystemUsingOrgUnit,
} from './registry.entity.ts';
import { ApiToken, Session, SignInThrottle } from './auth.entity.ts';
import { AuditChainAnchor, AuditChainHead, AuditEvent } from './audit.entity.ts';
import { MailOutbox, Request, RequestCounter, RequestInboxEntry, RequestStep } from './request.entity.ts';
import {
  Account,
  AuthzEpoch,
  ContactNetwork,
  ContactNetworkMember,
  Deputation,
  Designation,
  Grant,
  GrantApproval,
  GrantChange,
  Notification,
  PasswordResetRequest,
} from './access.entity.ts';
import { Meeting, MeetingAttendee, MeetingCounter, MeetingItem, MeetingSignoff } from './meeting.entity.ts';
import { Incident, IncidentCounter, IncidentNotice, IncidentUpdate, MaintenanceWindow } from './operations.entity.ts';
import { ContractClauseCheck, Finding, FindingNote, FormLedgerEntry, Inspection, ProcessingPlan, ProcessingPlanItem, SystemDocumentVersion } from './registers.entity.ts';
import { ProcedureDefinition, ProcedureDefinitionHistory } from './procedure.entity.ts';

/** Every table of schema tsukasa but the migrator's own, each as the migrations create it (schema-diff.test.ts). */
export const allEntities = [
  Municipality,
  DeploymentSetting,
  OrgUnit,
  Position,
  Staff,
  PositionTenure,
  RoleBinding,
  Contractor,
  ContractorPerson,
  System,
  SystemUsingOrgUnit,
  InformationAsset,
  InformationAssetOwner,
  InformationAssetSystem,
  DataItem,
  Committee,
  CommitteeMember,
  LicencePool,
  LicenceAllocation,
  Session,
  ApiToken,
  SignInThrottle,
  AuditEvent,
  AuditChainHead,
  AuditChainAnchor,
  Deputation,
  Account,
  PasswordResetRequest,
  Grant,
  GrantApproval,
  GrantChange,
  Designation,
  ContactNetwork,
  ContactNetworkMember,
  Notification,
  AuthzEpoch,
  Request,
  RequestStep,
  RequestInboxEntry,
  RequestCounter,
  MailOutbox,
  Meeting,
  MeetingItem,
  MeetingAttendee,
  MeetingSignoff,
  MeetingCounter,
  MaintenanceWindow,
  Incident,
  IncidentUpdate,
  IncidentNotice,
  IncidentCounter,
  ProcessingPlan,
  ProcessingPlanItem,
  SystemDocumentVersion,
  ContractClauseCheck,
  Inspection,
  Finding,
  FindingNote,
  FormLedgerEntry,
  ProcedureDefinition,
  ProcedureDefinitionHistory,
];
