// Builds the system described by attributes.camkes and runs it until both control threads return.
return Attributes.AttributesSystem.Run();
