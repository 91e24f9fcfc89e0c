// Builds the system of CAmkES's cakeml_tipc (its spec unchanged, the filter made unicore by an
// overlay) and runs it until the message has gone round the ring twenty times.
return CakemlTipc.CakemlTipcUnicoreSystem.Run();
