// Builds the system described by timeserver.camkes (CAmkES's apps/timeserver, unchanged) and runs it
// until the client's control thread returns.
return Timeserver.TimeserverSystem.Run();
