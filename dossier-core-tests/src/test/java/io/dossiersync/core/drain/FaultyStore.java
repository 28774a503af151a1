package io.dossiersync.core.drain;

import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueStoreException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** Fault injection at the store seam: one method of one view throws once, then works. */
final class FaultyStore {

  private FaultyStore() {}

  /**
   * A store that delegates to {@code real}, except that {@code view().method(...)} throws a
   * {@link QueueStoreException} the first time it is called, counting {@code fired} down.
   */
  static QueueStore failingOnce(QueueStore real, String view, String method, CountDownLatch fired) {
    AtomicBoolean armed = new AtomicBoolean(true);
    return proxy(QueueStore.class, real, (p, m, args) -> {
      Object target = invoke(m, real, args);
      if (!m.getName().equals(view)) {
        return target;
      }
      return proxy(m.getReturnType(), target, (vp, vm, vargs) -> {
        if (vm.getName().equals(method) && armed.getAndSet(false)) {
          fired.countDown();
          throw new QueueStoreException("disk I/O error (injected)");
        }
        return invoke(vm, target, vargs);
      });
    });
  }

  private static <T> T proxy(Class<T> type, Object real, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
