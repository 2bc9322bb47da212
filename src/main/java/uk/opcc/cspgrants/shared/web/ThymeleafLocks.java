package uk.opcc.cspgrants.shared.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.engine.AttributeNames;
import org.thymeleaf.engine.ElementNames;

/**
 * Gives Thymeleaf's name and definition repositories non-fair read-write locks in place
 * of their fair ones.
 * <p>
 * Thymeleaf 3.1 looks up every element and attribute name it processes under a
 * <em>fair</em> {@link ReentrantReadWriteLock}. Under load the threads queue on it one by
 * one: with 50 connections on two cores a 300-row page fell from tens of requests a
 * second to four (see {@code scripts/load-test.sh}). The locks guard look-ups that almost
 * never write; a non-fair lock guards them just as safely, without the queue. Upstream:
 * <a href="https://github.com/thymeleaf/thymeleaf/pull/938">thymeleaf/thymeleaf#938</a>.
 * <p>
 * The swap reaches into Thymeleaf's private fields, once, before the first request. If a
 * later Thymeleaf changes them it logs a warning and leaves Thymeleaf as it is: slower
 * under load, never wrong.
 */
final class ThymeleafLocks {

	private static final Logger log = LoggerFactory.getLogger(ThymeleafLocks.class);

	/**
	 * The name repositories are static: swapped once per JVM, never while another
	 * application context (in tests) may be rendering with them.
	 */
	private static final AtomicBoolean staticRepositoriesSwapped = new AtomicBoolean();

	private ThymeleafLocks() {
	}

	/**
	 * Swaps the locks of the static name repositories and of this engine's definition
	 * repositories; returns how many locks it swapped.
	 */
	static int makeNonFair(TemplateEngine engine) {
		try {
			List<Object> repositories = new ArrayList<>();
			if (staticRepositoriesSwapped.compareAndSet(false, true)) {
				repositories.addAll(repositoriesIn(AttributeNames.class, null));
				repositories.addAll(repositoriesIn(ElementNames.class, null));
			}
			Object attributeDefinitions = engine.getConfiguration().getAttributeDefinitions();
			Object elementDefinitions = engine.getConfiguration().getElementDefinitions();
			repositories.addAll(repositoriesIn(attributeDefinitions.getClass(), attributeDefinitions));
			repositories.addAll(repositoriesIn(elementDefinitions.getClass(), elementDefinitions));
			int swapped = 0;
			for (Object repository : repositories) {
				swapped += swapLock(repository);
			}
			return swapped;
		}
		catch (ReflectiveOperationException | RuntimeException changed) {
			log.warn("Thymeleaf's locks could not be made non-fair ({}); pages render as before, "
					+ "slower under heavy load", changed.toString());
			return 0;
		}
	}

	/** Whether a repository's lock is fair: for tests. */
	static boolean isFair(Object repository) throws ReflectiveOperationException {
		for (Field field : repository.getClass().getDeclaredFields()) {
			if (field.getType() == ReadWriteLock.class) {
				field.setAccessible(true);
				return ((ReentrantReadWriteLock) field.get(repository)).isFair();
			}
		}
		throw new NoSuchFieldException("lock");
	}

	/**
	 * The fields of {@code type} (static when {@code holder} is null) that are
	 * repositories.
	 */
	static List<Object> repositoriesIn(Class<?> type, Object holder) throws ReflectiveOperationException {
		List<Object> repositories = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			boolean wanted = (holder == null) == Modifier.isStatic(field.getModifiers());
			if (wanted && field.getType().getSimpleName().endsWith("Repository")) {
				field.setAccessible(true);
				Object repository = field.get(holder);
				if (repository != null) {
					repositories.add(repository);
				}
			}
		}
		return repositories;
	}

	private static int swapLock(Object repository) throws ReflectiveOperationException {
		Field lockField = null;
		Field readField = null;
		Field writeField = null;
		for (Field field : repository.getClass().getDeclaredFields()) {
			if (field.getType() == ReadWriteLock.class) {
				lockField = field;
			}
			else if (field.getType() == Lock.class && field.getName().startsWith("read")) {
				readField = field;
			}
			else if (field.getType() == Lock.class && field.getName().startsWith("write")) {
				writeField = field;
			}
		}
		if (lockField == null || readField == null || writeField == null) {
			throw new NoSuchFieldException("lock, readLock and writeLock of " + repository.getClass().getName());
		}
		ReentrantReadWriteLock nonFair = new ReentrantReadWriteLock(false);
		for (Field field : List.of(lockField, readField, writeField)) {
			field.setAccessible(true);
		}
		lockField.set(repository, nonFair);
		readField.set(repository, nonFair.readLock());
		writeField.set(repository, nonFair.writeLock());
		return 1;
	}

}
