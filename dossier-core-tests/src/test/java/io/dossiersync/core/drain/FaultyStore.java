package io.dossiersync.core.drain;

import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.QueueStoreException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** Fault injection at the store seam: methods of one view throw once each, then work. */
final class FaultyStore {

  private FaultyStore() {}

  /**
   * A store that delegates to {@code real}, except that each of {@code view().method(...)} throws a
   * {@link QueueStoreException} the first time it is called with something to do (a call whose
   * first argument is an empty list does not count), counting {@code fired} down.
   */
  static QueueStore failingOnce(
      QueueStore real, String view, CountDownLatch fired, String... methods) {
    Set<String> armed = ConcurrentHashMap.newKeySet();
    armed.addAll(List.of(methods));
    return proxy(
        QueueStore.class,
        real,
        (p, m, args) -> {
          Object target = invoke(m, real, args);
          if (!m.getName().equals(view)) {
            return target;
          }
          return proxy(
              m.getReturnType(),
              target,
              (vp, vm, vargs) -> {
                boolean idle =
                    vargs != null
                        && vargs.length > 0
                        && vargs[0] instanceof List<?> list
                        && list.isEmpty();
                if (!idle && armed.remove(vm.getName())) {
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
