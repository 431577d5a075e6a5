// What other modules use of incidents: reporting and recording one (the demo workflows).
export { recordIncidentAnalysis, reportIncident, resolveIncident, updateIncident } from './incident.service.ts';
