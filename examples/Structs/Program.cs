// Builds the system described by structs.camkes and runs it until the client has printed its attributes.
return Structs.StructsSystem.Run();
