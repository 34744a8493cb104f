export { runDemo, type DemoOptions } from './demo-story';
export { emulatorControl, entitlementService, teamService } from './clients';
