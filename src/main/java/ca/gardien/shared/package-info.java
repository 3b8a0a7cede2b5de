/** Open module of small value types, problem types and web conventions shared by every module. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package ca.gardien.shared;

import org.springframework.modulith.ApplicationModule;
