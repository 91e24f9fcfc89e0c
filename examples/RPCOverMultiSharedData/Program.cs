// Builds the system described by rpcovermultishareddata.camkes and runs it until the client has its sum.
return RPCOverMultiSharedData.RPCOverMultiSharedDataSystem.Run();
