// Builds the system described by multiclient.camkes and runs it until every client has its answer.
return MultiClient.MultiClientSystem.Run();
