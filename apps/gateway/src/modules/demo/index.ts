// What the gateway's start uses of the demo: the demo workflows played through the services.
export { describeDemoWorkflowReport, playDemoWorkflows } from './demo-workflows.ts';
export type { DemoWorkflowReport } from './demo-workflows.ts';
