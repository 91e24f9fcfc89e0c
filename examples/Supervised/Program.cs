// Builds the system described by Supervised.camkes and runs it until the dispatcher asks it to stop.
return Supervised.SupervisedSystem.Run();
