package dev.lockbox.workflows.reconcile;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Compares the access system with the requests. */
@ActivityInterface
public interface ReconcilerActivities {

  String RECONCILE_ACCESS = "ReconcileAccess";

  @ActivityMethod(name = RECONCILE_ACCESS)
  ReconcileReport reconcileAccess();
}
