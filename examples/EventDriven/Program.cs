// Builds the system described by event-driven.camkes and runs it until the collector has counted its events.
return EventDriven.EventDrivenSystem.Run();
