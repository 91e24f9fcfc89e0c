// Builds the system described by testdataportmux.camkes and runs it until every counter has returned.
return TestDataportMux.TestDataportMuxSystem.Run();
