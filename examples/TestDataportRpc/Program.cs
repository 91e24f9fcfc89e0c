// Builds the system described by testdataportrpc.camkes and runs it until the client returns.
return TestDataportRpc.TestDataportRpcSystem.Run();
