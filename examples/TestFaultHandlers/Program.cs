// Builds the system described by testfaulthandlers.camkes and runs it: the client faults, the kernel reports it.
return TestFaultHandlers.TestFaultHandlersSystem.Run();
