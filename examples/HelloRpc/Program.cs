// Builds the system described by HelloRpc.camkes and runs it until the client's control thread returns.
return HelloRpc.HelloRpcSystem.Run();
