// Builds the system described by RumpNet.camkes and runs it until the client and the network stack have finished.
return RumpNet.RumpNetSystem.Run();
