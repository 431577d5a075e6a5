// Reasons shared by many rules that no software acts on.
export const USERS_CONDUCT = 'Conduct of the people using the governed system itself, outside this product';
export const DELEGATES = 'Leaves further rules to a role or to the head of the municipality; they are not transcribed';
export const PHYSICAL = 'Physical security of rooms, equipment or paper, outside any software';
export const CONTRACTS = 'Clauses of contracts with outside parties, negotiated and signed outside this product';
export const GENERAL_DUTY = 'A general duty of care stated without a procedure a product could act on';
export const OTHER_REGULATION = 'Defers to another regulation or standard, which is not transcribed';
export const SUPERVISION = 'A line of supervision between roles, exercised outside this product';
export const SYSTEM_OPERATION = 'Running the governed system itself (servers, backups, batches), outside this product';
export const OPEN_ENDED = 'Open-ended: whatever the role deems necessary, no act prescribed';
export const RESPONSIBILITY = 'Allocates responsibility without prescribing an act';
export const PAPER = 'Handling of paper documents at the counter or in the office, outside any software';
export const TRAINING = 'Training of users, held outside this product';
export const CONSULTATION = 'Consultation between officials as they see the need, outside this product';
export const THREAT = 'Names a threat the security measures answer; prescribes no act itself';
export const PRESIDES = 'The chair represents the committee and presides over it, outside this product';
