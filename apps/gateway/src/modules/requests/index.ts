// What other modules and the gateway's start use of requests: the request type, a committee's
// decision on a request's step, filing and deciding (the demo workflows), and the mail worker.
export { Request } from './request.types.ts';
export { toRequest } from './request.mappers.ts';
export { decide, decideCommitteeStep } from './step.service.ts';
export { submit } from './request.service.ts';
export { fileTransport, smtpTransport, startMailWorker } from './mail-worker.ts';
// The types and helpers of a prescribed form (様式), which incidents print too.
export { PaperForm, PaperFormFile } from './request.types.ts';
export { postOf, renderPaperForm } from './request-forms.ts';
