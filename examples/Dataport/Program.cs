// Builds the system described by dataport.camkes and runs it until both control threads return.
return Dataport.DataportSystem.Run();
