// The demo workflows of the four municipalities (seed.types.ts DemoWorkflowsSeed), by municipality code.
import type { MunicipalityCode } from '@tsukasa/domain';
import type { DemoWorkflowsSeed } from './seed.types.ts';
import { arakawaWorkflows } from './arakawa.workflows.demo.ts';
import { kawasakiWorkflows } from './kawasaki.workflows.demo.ts';
import { kitamiWorkflows } from './kitami.workflows.demo.ts';
import { minatoWorkflows } from './minato.workflows.demo.ts';

export const DEMO_WORKFLOWS: Partial<Record<MunicipalityCode, DemoWorkflowsSeed>> = {
  minato: minatoWorkflows,
  kawasaki: kawasakiWorkflows,
  kitami: kitamiWorkflows,
  arakawa: arakawaWorkflows,
};
