/**
 * The shared kernel: money, financial years and quarters, the signed-in user, web helpers
 * and the exceptions every feature answers in the same way. Open to every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package uk.opcc.cspgrants.shared;

import org.springframework.modulith.ApplicationModule;
