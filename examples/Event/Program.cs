// Builds the system described by event.camkes and runs it until both control threads return.
return Event.EventSystem.Run();
