// Builds the system described by adder.camkes and runs it until the client has its sum.
return Adder.AdderSystem.Run();
