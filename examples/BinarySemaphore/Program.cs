// Builds the system described by binary-semaphore.camkes and runs it until the client has its answer.
return BinarySemaphore.BinarySemaphoreSystem.Run();
