/* test-plan.c: the order of a move's steps
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ferry-plan.h"

/* A job that ends when the test says. */
#define TEST_TYPE_JOB (test_job_get_type ())
G_DECLARE_FINAL_TYPE (TestJob, test_job, TEST, JOB, FerryJob)

struct _TestJob
{
  FerryJob  parent_instance;
  GTask    *task;
};

G_DEFINE_FINAL_TYPE (TestJob, test_job, FERRY_TYPE_JOB)

static void
test_job_run_async (FerryJob            *job,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  TEST_JOB (job)->task = g_task_new (job, cancellable, callback, user_data);
}

static gboolean
test_job_run_finish (FerryJob      *job,
                     GAsyncResult  *result,
                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_job_class_init (TestJobClass *klass)
{
  FERRY_JOB_CLASS (klass)->run_async = test_job_run_async;
  FERRY_JOB_CLASS (klass)->run_finish = test_job_run_finish;
}

static void
test_job_init (TestJob *self)
{
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  ferry_job_run_finish (FERRY_JOB (object), result, NULL);
}

static TestJob *
start_job (void)
{
  TestJob *job = g_object_new (TEST_TYPE_JOB, NULL);

  ferry_job_run_async (FERRY_JOB (job), NULL, ran_cb, NULL);
  return job;
}

/* @error: (transfer full) (nullable) */
static void
end_job (TestJob *job,
         GError  *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&job->task);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_changed (FerryPlan *plan,
               guint     *count)
{
  (*count)++;
}

static void
test_plan_order (void)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  GListModel *model = G_LIST_MODEL (plan);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, FERRY_STEP_N_KINDS);
  g_assert_true (g_list_model_get_item_type (model) == FERRY_TYPE_STEP);

  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      g_autoptr(FerryStep) step = g_list_model_get_item (model, i);

      g_assert_cmpint (ferry_step_get_kind (step), ==, i);
      g_assert_nonnull (ferry_step_get_title (step));
      g_assert_nonnull (ferry_step_get_summary (step));
      g_assert_cmpint (ferry_step_get_state (step), ==, FERRY_STEP_STATE_PENDING);
    }

  g_assert_null (g_list_model_get_item (model, FERRY_STEP_N_KINDS));

  /* The backup must come before the move: afterwards the old token is refused. */
  g_assert_cmpint (FERRY_STEP_BACKUP, <, FERRY_STEP_MOVE);
  g_assert_cmpint (FERRY_STEP_CHECKS, <, FERRY_STEP_BACKUP);
}

static void
test_plan_gates (void)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  FerryStep *accounts = ferry_plan_get_step (plan, FERRY_STEP_ACCOUNTS);
  FerryStep *checks = ferry_plan_get_step (plan, FERRY_STEP_CHECKS);
  FerryStep *backup = ferry_plan_get_step (plan, FERRY_STEP_BACKUP);
  FerryStep *transfer = ferry_plan_get_step (plan, FERRY_STEP_TRANSFER);
  guint current_notifies = 0;

  g_signal_connect (plan, "notify::current", G_CALLBACK (count_notify), &current_notifies);

  g_assert_true (ferry_plan_can_start (plan, FERRY_STEP_ACCOUNTS));
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_MOVE));
  g_assert_true (ferry_plan_get_current (plan) == accounts);

  ferry_step_set_state (accounts, FERRY_STEP_STATE_DONE);
  g_assert_true (ferry_plan_get_current (plan) == checks);
  g_assert_cmpuint (current_notifies, ==, 1);
  g_assert_true (ferry_plan_can_start (plan, FERRY_STEP_CHECKS));
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_BACKUP));

  /* A failed step holds everything after it. */
  ferry_step_set_state (checks, FERRY_STEP_STATE_FAILED);
  g_assert_true (ferry_plan_get_current (plan) == checks);
  g_assert_cmpuint (current_notifies, ==, 1);
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_BACKUP));

  ferry_step_set_state (checks, FERRY_STEP_STATE_DONE);
  ferry_step_set_state (backup, FERRY_STEP_STATE_DONE);
  /* Knowingly skipping the transfer lets the move go ahead. */
  ferry_step_set_state (transfer, FERRY_STEP_STATE_SKIPPED);
  g_assert_true (ferry_plan_can_start (plan, FERRY_STEP_MOVE));
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_WATCH));
  g_assert_cmpint (ferry_step_get_kind (ferry_plan_get_current (plan)), ==, FERRY_STEP_MOVE);

  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_MOVE), FERRY_STEP_STATE_DONE);
  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_WATCH), FERRY_STEP_STATE_DONE);
  g_assert_null (ferry_plan_get_current (plan));

  /* Without a move (an account signed out), everything is ahead again. */
  ferry_plan_follow (plan, NULL);
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    g_assert_cmpint (ferry_step_get_state (ferry_plan_get_step (plan, i)), ==, FERRY_STEP_STATE_PENDING);
  g_assert_true (ferry_plan_get_current (plan) == accounts);
}

static FerryStepState
state_of (FerryPlan     *plan,
          FerryStepKind  kind)
{
  return ferry_step_get_state (ferry_plan_get_step (plan, kind));
}

/* A step with a job is under way, done or failed as its job says, observed (notify::state). */
static void
test_plan_jobs (void)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  g_autoptr(TestJob) backup = g_object_new (TEST_TYPE_JOB, NULL);
  g_autoptr(TestJob) move = NULL;
  g_autoptr(TestJob) transfer = NULL;
  g_autoptr(TestJob) sign_in = NULL;
  guint notifies = 0;
  guint changes = 0;

  /* The one translation. */
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_IDLE), ==, FERRY_STEP_STATE_PENDING);
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_RUNNING), ==, FERRY_STEP_STATE_RUNNING);
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_PAUSED), ==, FERRY_STEP_STATE_RUNNING);
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_WAITING), ==, FERRY_STEP_STATE_RUNNING);
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_FINISHED), ==, FERRY_STEP_STATE_DONE);
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_FAILED), ==, FERRY_STEP_STATE_FAILED);
  g_assert_cmpint (ferry_job_state_to_step_state (FERRY_JOB_STATE_CANCELLED), ==, FERRY_STEP_STATE_PENDING);

  g_signal_connect (ferry_plan_get_step (plan, FERRY_STEP_BACKUP), "notify::state",
                    G_CALLBACK (count_notify), &notifies);
  ferry_plan_observe_job (plan, FERRY_STEP_BACKUP, FERRY_JOB (backup));
  g_assert_true (ferry_plan_get_job (plan, FERRY_STEP_BACKUP) == FERRY_JOB (backup));
  g_assert_cmpint (state_of (plan, FERRY_STEP_BACKUP), ==, FERRY_STEP_STATE_PENDING);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ran_cb, NULL);
  g_assert_cmpint (state_of (plan, FERRY_STEP_BACKUP), ==, FERRY_STEP_STATE_RUNNING);
  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changes);
  ferry_job_pause (FERRY_JOB (backup));
  g_assert_cmpint (state_of (plan, FERRY_STEP_BACKUP), ==, FERRY_STEP_STATE_RUNNING);
  /* A pause leaves the step under way, and says so to whoever shows the job's state. */
  g_assert_cmpuint (changes, ==, 1);
  ferry_job_resume (FERRY_JOB (backup));
  g_assert_cmpuint (notifies, ==, 1);
  end_job (backup, NULL);
  g_assert_cmpint (state_of (plan, FERRY_STEP_BACKUP), ==, FERRY_STEP_STATE_DONE);
  g_assert_cmpuint (notifies, ==, 2);

  /* A failure is the step's, first error and all. */
  move = start_job ();
  ferry_plan_observe_job (plan, FERRY_STEP_MOVE, FERRY_JOB (move));
  g_assert_cmpint (state_of (plan, FERRY_STEP_MOVE), ==, FERRY_STEP_STATE_RUNNING);
  end_job (move, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "refused"));
  g_assert_cmpint (state_of (plan, FERRY_STEP_MOVE), ==, FERRY_STEP_STATE_FAILED);

  /* Cancelled: the step is ahead again. */
  transfer = start_job ();
  ferry_plan_observe_job (plan, FERRY_STEP_TRANSFER, FERRY_JOB (transfer));
  g_assert_cmpint (state_of (plan, FERRY_STEP_TRANSFER), ==, FERRY_STEP_STATE_RUNNING);
  ferry_job_cancel (FERRY_JOB (transfer));
  end_job (transfer, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (transfer)), ==, FERRY_JOB_STATE_CANCELLED);
  g_assert_cmpint (state_of (plan, FERRY_STEP_TRANSFER), ==, FERRY_STEP_STATE_PENDING);

  /* One sign-in is not both accounts: under way while it runs, then as the accounts are. */
  sign_in = start_job ();
  ferry_plan_observe_job (plan, FERRY_STEP_ACCOUNTS, FERRY_JOB (sign_in));
  g_assert_cmpint (state_of (plan, FERRY_STEP_ACCOUNTS), ==, FERRY_STEP_STATE_RUNNING);
  end_job (sign_in, NULL);
  g_assert_cmpint (state_of (plan, FERRY_STEP_ACCOUNTS), ==, FERRY_STEP_STATE_PENDING);

  /* No job: the step stands where the move is (none here). */
  ferry_plan_observe_job (plan, FERRY_STEP_BACKUP, NULL);
  g_assert_cmpint (state_of (plan, FERRY_STEP_BACKUP), ==, FERRY_STEP_STATE_PENDING);
}

/* A step opens once what it works on is there: the accounts, the backup, the move. */
static void
test_plan_lock_reasons (void)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  const FerryAccountState out = FERRY_ACCOUNT_SIGNED_OUT;
  const FerryAccountState in = FERRY_ACCOUNT_SIGNED_IN;

  /* Nobody signed in: only the accounts step opens; the backup needs the old account. */
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_ACCOUNTS, out, out));
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_CHECKS, out, out), ==,
                   "Sign in to both accounts first");
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_BACKUP, out, out), ==,
                   "Sign in to the old account first");
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_MOVE, out, in), ==,
                   "Sign in to the old account first");
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_TRANSFER, in, out), ==,
                   "Sign in to the new account first");
  /* A revoked sign-in is one to make again. */
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_CHECKS, FERRY_ACCOUNT_EXPIRED, in),
                   ==, "Sign in to the old account first");

  /* The old account alone: its backup opens, nothing that needs the new one. */
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_BACKUP, in, out));
  g_assert_nonnull (ferry_plan_get_lock_reason (plan, FERRY_STEP_CHECKS, in, out));

  /* Both: the checks and the backup open; the transfer and the move wait for the backup. */
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_CHECKS, in, in));
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_BACKUP, in, in));
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_TRANSFER, in, in), ==,
                   "Back up the old account first");
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_MOVE, in, in), ==,
                   "Back up the old account first");
  g_assert_cmpstr (ferry_plan_get_lock_reason (plan, FERRY_STEP_WATCH, in, in), ==,
                   "Opens after the move");

  /* Failed checks do not lock the backup (the checks ask for one). */
  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_CHECKS), FERRY_STEP_STATE_FAILED);
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_BACKUP, in, in));

  /* Backed up: the transfer and the move open, the transfer not required first. */
  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_BACKUP), FERRY_STEP_STATE_DONE);
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_TRANSFER, in, in));
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_MOVE, in, in));
  g_assert_nonnull (ferry_plan_get_lock_reason (plan, FERRY_STEP_WATCH, in, in));

  /* Moved: the old server refuses the old token, and the followers open. */
  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_MOVE), FERRY_STEP_STATE_DONE);
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_WATCH, FERRY_ACCOUNT_LOGIN_DISABLED,
                                             in));
  g_assert_null (ferry_plan_get_lock_reason (plan, FERRY_STEP_MOVE, FERRY_ACCOUNT_LOGIN_DISABLED,
                                             in));
}

static void
test_step_notify_only_on_change (void)
{
  g_autoptr(FerryStep) step = ferry_step_new (FERRY_STEP_BACKUP);
  guint notifies = 0;

  g_signal_connect (step, "notify::state", G_CALLBACK (count_notify), &notifies);

  ferry_step_set_state (step, FERRY_STEP_STATE_PENDING);
  g_assert_cmpuint (notifies, ==, 0);
  ferry_step_set_state (step, FERRY_STEP_STATE_RUNNING);
  ferry_step_set_state (step, FERRY_STEP_STATE_RUNNING);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_false (ferry_step_is_finished (step));
  ferry_step_set_state (step, FERRY_STEP_STATE_DONE);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_true (ferry_step_is_finished (step));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/order", test_plan_order);
  g_test_add_func ("/plan/gates", test_plan_gates);
  g_test_add_func ("/plan/jobs", test_plan_jobs);
  g_test_add_func ("/plan/lock-reasons", test_plan_lock_reasons);
  g_test_add_func ("/step/notify-only-on-change", test_step_notify_only_on_change);

  return g_test_run ();
}
