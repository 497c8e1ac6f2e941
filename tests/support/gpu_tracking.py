"""Record where training actually happens: the devices of the parameters each optimizer step updates."""

import contextlib


@contextlib.contextmanager
def torch_step_devices():
    """Yields a set that fills with the device types ('cpu', 'cuda') of every parameter a torch optimizer steps."""
    from torch.optim.optimizer import register_optimizer_step_pre_hook

    devices = set()

    def record(optimizer, args, kwargs):
        devices.update(p.device.type for group in optimizer.param_groups for p in group["params"])

    handle = register_optimizer_step_pre_hook(record)  # a global hook: every optimizer, Lightning's included
    try:
        yield devices
    finally:
        handle.remove()


@contextlib.contextmanager
def keras_variable_devices():
    """Yields a set that fills with the devices of the variables a Keras optimizer updates (TensorFlow backend)."""
    import keras

    devices, original = set(), keras.optimizers.Optimizer.apply

    def recording_apply(self, grads, trainable_variables=None):
        variables = trainable_variables if trainable_variables is not None else self._trainable_variables
        devices.update(v.value.device for v in variables)
        return original(self, grads, trainable_variables)

    keras.optimizers.Optimizer.apply = recording_apply
    try:
        yield devices
    finally:
        keras.optimizers.Optimizer.apply = original
