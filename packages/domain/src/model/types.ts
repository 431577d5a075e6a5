// The nouns of the product (SPEC §3) as plain data types. No framework imports, no I/O.
// Japanese terms keep a fixed English name here; see glossary.ts for the full list.

export type MunicipalityCode = 'minato' | 'kawasaki' | 'kitami' | 'arakawa';
export type RulebookId = 'MNT' | 'KWW' | 'KWO' | 'KTM' | 'ARK';

/** 局・部 (department) / 課・室・センター (section) / 係 (unit). */
export type OrgUnitLevel = 'department' | 'section' | 'unit';

/** Lifecycle of a system (電子情報システム). */
export type LifecycleStatus = 'proposed' | 'in_service' | 'under_change' | 'retiring' | 'retired';

/** ARK-4: managed by the digital section (デジタル推進課) or by a system-managing section (システム管理課). */
export type ManagementType = 'digital_section' | 'system_section';

/** CIA classification scales (SPEC §3): the 2024 revision of the national guideline, or the older 3/2/1. */
export type ClassificationScale = 'guideline_2024' | 'legacy_3_2_1';
export type Confidentiality = '3A' | '3B' | '3C' | '3' | '2' | '1';
export type Integrity = '2' | '1';
export type Availability = '2' | '1';

export interface Classification {
  confidentiality: Confidentiality;
  integrity: Integrity;
  availability: Availability;
}
