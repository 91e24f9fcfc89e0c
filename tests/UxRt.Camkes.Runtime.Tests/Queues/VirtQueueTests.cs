using System.Text;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Queues;

namespace UxRt.Camkes.Runtime.Tests.Queues;

public sealed class VirtQueueTests
{
    private sealed record Pair(VirtQueueDriver Driver, VirtQueueDevice Device, Notification DriverEndpoint, Notification DeviceEndpoint);

    private static Pair Connect(int slots, int slotSize = 32)
    {
        var region = new SharedRegion("vq", QueueRegion.SizeFor(slots, slotSize));
        var driverEndpoint = new GlobalEndpoint("client");
        var deviceEndpoint = new GlobalEndpoint("filter");
        var driverNotification = new Notification("client", "virtqueue_wait");
        var deviceNotification = new Notification("filter", "virtqueue_wait");
        driverEndpoint.Attach(driverNotification);
        deviceEndpoint.Attach(deviceNotification);
        return new Pair(
            new VirtQueueDriver(region, slotSize, deviceEndpoint, badge: 10),
            new VirtQueueDevice(region, slotSize, driverEndpoint, badge: 10),
            driverNotification,
            deviceNotification);
    }

    [Fact]
    public void Buffers_go_to_the_device_in_order_and_come_back_used()
    {
        var vq = Connect(slots: 3);
        Assert.False(vq.Device.Poll());
        Assert.True(vq.Driver.TrySend("one"u8));
        Assert.True(vq.Driver.TrySend("two"u8));
        vq.Driver.Notify();
        Assert.Equal(10, vq.DeviceEndpoint.Poll());

        var buffer = new byte[vq.Device.MaxBufferSize];
        Assert.True(vq.Device.Poll());
        Assert.True(vq.Device.TryReceive(buffer, out var length));
        Assert.Equal("one", Encoding.ASCII.GetString(buffer, 0, length));
        Assert.True(vq.Driver.Poll());

        Assert.True(vq.Device.TryReceive(buffer, out length));
        Assert.Equal("two", Encoding.ASCII.GetString(buffer, 0, length));
        vq.Device.Notify();
        Assert.Equal(10, vq.DriverEndpoint.Poll());
        Assert.Equal(2, vq.Driver.ReclaimUsed());
        Assert.False(vq.Driver.Poll());
        Assert.False(vq.Device.TryReceive(buffer, out _));
    }

    [Fact]
    public void A_slot_stays_taken_until_the_driver_reclaims_it()
    {
        var vq = Connect(slots: 2);
        Assert.True(vq.Driver.TrySend(1));
        Assert.True(vq.Driver.TrySend(2));
        Assert.False(vq.Driver.TrySend(3));

        Assert.True(vq.Device.TryReceive(out int first));
        Assert.Equal(1, first);

        // Used by the device, but not yet taken back: still no room.
        Assert.False(vq.Driver.TrySend(3));
        Assert.Equal(1, vq.Driver.ReclaimUsed());
        Assert.True(vq.Driver.TrySend(3));

        Assert.True(vq.Device.TryReceive(out int second));
        Assert.True(vq.Device.TryReceive(out int third));
        Assert.Equal((2, 3), (second, third));
    }

    [Fact]
    public void A_buffer_larger_than_a_slot_is_refused_with_the_queue_named()
    {
        var vq = Connect(slots: 2, slotSize: 8);
        var error = Assert.Throws<ArgumentException>(() => vq.Driver.TrySend(new byte[5]));
        Assert.Contains("vq", error.Message);
        Assert.Equal(4, vq.Driver.MaxBufferSize);
    }

    [Fact]
    public void Notifying_an_instance_that_consumes_nothing_changes_nothing()
    {
        var region = new SharedRegion("vq", QueueRegion.SizeFor(4, 32));
        var driver = new VirtQueueDriver(region, 32, new GlobalEndpoint("nobody"));
        Assert.True(driver.TrySend("x"u8));
        driver.Notify();
    }
}
