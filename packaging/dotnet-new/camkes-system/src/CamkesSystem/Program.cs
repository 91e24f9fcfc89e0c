// Builds the system described by CamkesSystem.camkes and runs it until the client's control thread returns.
return CamkesSystem.CamkesSystemSystem.Run();
