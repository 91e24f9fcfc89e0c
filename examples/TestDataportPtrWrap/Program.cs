// Builds the system described by testdataportptrwrap.camkes and runs it until the client returns.
return TestDataportPtrWrap.TestDataportPtrWrapSystem.Run();
