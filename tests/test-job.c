/* test-job.c: FerryJob's state machine, throttle, pause, cancel and first error
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-job-manager.h"
#include "ferry-test-util.h"

/* A job that runs @steps steps, one per main-loop turn (or per millisecond with @per_tick
 * progress updates), each parked while paused. */
#define TEST_TYPE_JOB (test_job_get_type ())
G_DECLARE_FINAL_TYPE (TestJob, test_job, TEST, JOB, FerryJob)

struct _TestJob
{
  FerryJob      parent_instance;

  guint         steps;
  guint         step;
  guint         per_tick;      /* progress updates per step; steps then come every ms */
  FerryJobPart *part;
  GError       *fail_with;     /* run_finish's own error */
  gboolean      closed_on_stop; /* a stop breaks what was under way: it fails as a network would */
  GTask        *task;
};

G_DEFINE_FINAL_TYPE (TestJob, test_job, FERRY_TYPE_JOB)

static void test_job_step (FerryJob *job, gpointer user_data);

static gboolean
next_step_cb (gpointer user_data)
{
  TestJob *self = user_data;

  ferry_job_when_running (FERRY_JOB (self), test_job_step, NULL);
  return G_SOURCE_REMOVE;
}

static void
test_job_step (FerryJob *job,
               gpointer  user_data)
{
  TestJob *self = TEST_JOB (job);

  if (ferry_job_is_cancelled (job) && self->closed_on_stop)
    {
      g_autoptr(GError) closed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CLOSED,
                                                      "Connection closed");

      g_assert_false (ferry_job_fail (job, closed));
      g_task_return_error (self->task, g_steal_pointer (&closed));
      g_clear_object (&self->task);
      return;
    }
  if (ferry_job_is_cancelled (job))
    {
      g_task_return_new_error (self->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      g_clear_object (&self->task);
      return;
    }
  for (guint i = 0; i < self->per_tick; i++)
    {
      gint64 done = (gint64) self->step * self->per_tick + i + 1;
      gint64 total = (gint64) self->steps * self->per_tick;

      ferry_job_set_progress (job, done, total);
      ferry_job_part_set_done (self->part, done);
    }
  if (++self->step < self->steps)
    {
      if (self->per_tick > 0)
        g_timeout_add (1, next_step_cb, self);
      else
        g_idle_add (next_step_cb, self);
      return;
    }
  ferry_job_part_set_state (self->part, FERRY_STEP_STATE_DONE, NULL);
  if (self->fail_with != NULL)
    g_task_return_error (self->task, g_steal_pointer (&self->fail_with));
  else
    g_task_return_boolean (self->task, TRUE);
  g_clear_object (&self->task);
}

static void
test_job_run_async (FerryJob            *job,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  TestJob *self = TEST_JOB (job);

  g_assert_true (cancellable == ferry_job_get_cancellable (job));
  self->task = g_task_new (self, cancellable, callback, user_data);
  ferry_job_part_set_state (self->part, FERRY_STEP_STATE_RUNNING, NULL);
  g_idle_add (next_step_cb, self);
}

static gboolean
test_job_run_finish (FerryJob      *job,
                     GAsyncResult  *result,
                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_job_finalize (GObject *object)
{
  TestJob *self = TEST_JOB (object);

  g_assert_null (self->task);
  g_clear_object (&self->part);
  g_clear_error (&self->fail_with);
  G_OBJECT_CLASS (test_job_parent_class)->finalize (object);
}

static void
test_job_class_init (TestJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_job_finalize;
  FERRY_JOB_CLASS (klass)->run_async = test_job_run_async;
  FERRY_JOB_CLASS (klass)->run_finish = test_job_run_finish;
}

static void
test_job_init (TestJob *self)
{
  self->part = ferry_job_part_new ("things", "Things");
  ferry_job_add_part (FERRY_JOB (self), self->part);
}

static TestJob *
test_job_new (guint steps,
              guint per_tick)
{
  TestJob *self = g_object_new (TEST_TYPE_JOB, "id", "test", NULL);

  self->steps = steps;
  self->per_tick = per_tick;
  return self;
}

typedef struct
{
  GArray *states;       /* FerryJobState, as notified */
  guint   n_done;       /* notify::done on the job */
  guint   n_part_done;  /* notify::done on its part */
  gint64  seen_done;    /* the job's done, as last notified */
  gint64  seen_part_done;
  gint64  done_at_end;  /* seen_done when the state said it ended */
} Watch;

static void
on_state (FerryJob *job,
          GParamSpec *pspec,
          Watch *w)
{
  FerryJobState state = ferry_job_get_state (job);

  g_array_append_val (w->states, state);
  if (ferry_job_is_ended (job))
    w->done_at_end = w->seen_done;
}

static void
on_done (FerryJob   *job,
         GParamSpec *pspec,
         Watch      *w)
{
  w->n_done++;
  w->seen_done = ferry_job_get_done (job);
}

static void
on_part_done (FerryJobPart *part,
              GParamSpec   *pspec,
              Watch        *w)
{
  w->n_part_done++;
  w->seen_part_done = ferry_job_part_get_done (part);
}

static void
watch (Watch    *w,
       TestJob  *job)
{
  w->states = g_array_new (FALSE, FALSE, sizeof (FerryJobState));
  g_signal_connect (job, "notify::state", G_CALLBACK (on_state), w);
  g_signal_connect (job, "notify::done", G_CALLBACK (on_done), w);
  g_signal_connect (job->part, "notify::done", G_CALLBACK (on_part_done), w);
}

static void
assert_states (Watch *w,
               ...)
{
  va_list args;
  guint i = 0;
  int state;

  va_start (args, w);
  while ((state = va_arg (args, int)) >= 0)
    {
      g_assert_cmpuint (i, <, w->states->len);
      g_assert_cmpint (g_array_index (w->states, FerryJobState, i), ==, state);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (i, ==, w->states->len);
}

static gboolean
run_job (TestJob       *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_job_run_async (FERRY_JOB (job), cancellable, ferry_test_got_result, &result);
  return ferry_job_run_finish (FERRY_JOB (job), ferry_test_wait_for (&result), error);
}

/* idle → running → finished, with the counts and the part up to date at the end. */
static void
test_states (void)
{
  g_autoptr(TestJob) job = test_job_new (5, 1);
  g_autoptr(GError) error = NULL;
  Watch w = { 0 };

  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_IDLE);
  g_assert_cmpstr (ferry_job_get_id (FERRY_JOB (job)), ==, "test");
  g_assert_cmpuint (g_list_model_get_n_items (ferry_job_get_parts (FERRY_JOB (job))), ==, 1);
  watch (&w, job);
  g_assert_true (run_job (job, NULL, &error));
  g_assert_no_error (error);
  assert_states (&w, FERRY_JOB_STATE_RUNNING, FERRY_JOB_STATE_FINISHED, -1);
  g_assert_cmpint (w.done_at_end, ==, 5);
  g_assert_cmpint (ferry_job_get_total (FERRY_JOB (job)), ==, 5);
  g_assert_cmpfloat (ferry_job_get_fraction (FERRY_JOB (job)), ==, 1.0);
  g_assert_null (ferry_job_get_error (FERRY_JOB (job)));
  g_array_unref (w.states);

  /* A part that outlives its job notifies at once. */
  {
    g_autoptr(FerryJobPart) part = g_object_ref (job->part);
    guint before = w.n_part_done;

    g_clear_object (&job);
    ferry_job_part_set_done (part, 6);
    ferry_job_part_set_done (part, 7);
    g_assert_cmpuint (w.n_part_done, ==, before + 2);
    g_assert_cmpint (w.seen_part_done, ==, 7);
  }
}

/* 10,000 updates over about a second: a few notifications a second, the last one always. */
static void
test_throttle (void)
{
  g_autoptr(TestJob) job = test_job_new (1000, 10);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  double seconds;
  guint most;
  Watch w = { 0 };

  watch (&w, job);
  g_assert_true (run_job (job, NULL, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  /* At most one per interval, the first at once, and the flush as it ends. */
  most = (guint) (seconds * 1000 / FERRY_JOB_NOTIFY_INTERVAL_MS) + 2;
  g_test_message ("%.2f s, %u notifications of done (at most %u), %u of the part's",
                  seconds, w.n_done, most, w.n_part_done);
  g_assert_cmpuint (w.n_done, <=, most);
  g_assert_cmpuint (w.n_part_done, <=, most);
  g_assert_cmpuint (w.n_done, >=, 2);
  g_assert_cmpint (w.done_at_end, ==, 10000);
  g_assert_cmpint (w.seen_part_done, ==, 10000);
  g_array_unref (w.states);
}

static gboolean
pause_at_third (gpointer user_data)
{
  TestJob *job = user_data;

  if (job->step < 3)
    return G_SOURCE_CONTINUE;
  ferry_job_pause (FERRY_JOB (job));
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Paused, nothing goes on; resumed, it goes on from where it was. */
static void
test_pause (void)
{
  g_autoptr(TestJob) job = test_job_new (10, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint step;
  Watch w = { 0 };

  watch (&w, job);
  g_idle_add (pause_at_third, job);
  ferry_job_run_async (FERRY_JOB (job), NULL, ferry_test_got_result, &result);
  while (ferry_job_get_state (FERRY_JOB (job)) != FERRY_JOB_STATE_PAUSED)
    g_main_context_iteration (NULL, TRUE);
  step = job->step;
  wait_ms (100);
  g_assert_cmpuint (job->step, ==, step);
  g_assert_null (result);
  ferry_job_resume (FERRY_JOB (job));
  g_assert_true (ferry_job_run_finish (FERRY_JOB (job), ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (job->step, ==, 10);
  assert_states (&w, FERRY_JOB_STATE_RUNNING, FERRY_JOB_STATE_PAUSED, FERRY_JOB_STATE_RUNNING,
                 FERRY_JOB_STATE_FINISHED, -1);
  g_array_unref (w.states);
}

static gboolean
cancel_at_third (gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

/* The caller's cancellable cancels the job's own; a paused job ends too. */
static void
test_cancel (gconstpointer data)
{
  gboolean paused = GPOINTER_TO_INT (data);
  g_autoptr(TestJob) job = test_job_new (1000, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Watch w = { 0 };

  watch (&w, job);
  if (paused)
    g_idle_add (pause_at_third, job);
  g_timeout_add (20, cancel_at_third, cancellable);
  g_assert_false (run_job (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (ferry_job_is_cancelled (FERRY_JOB (job)));
  g_assert_cmpuint (job->step, <, 1000);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_CANCELLED);
  if (paused)
    assert_states (&w, FERRY_JOB_STATE_RUNNING, FERRY_JOB_STATE_PAUSED,
                   FERRY_JOB_STATE_CANCELLED, -1);
  else
    assert_states (&w, FERRY_JOB_STATE_RUNNING, FERRY_JOB_STATE_CANCELLED, -1);
  /* Nothing of the error is recorded: a cancellation is not a failure. */
  g_assert_null (ferry_job_get_error (FERRY_JOB (job)));
  g_array_unref (w.states);
}

/* What breaks because of a stop (a request's connection closed under it) is not a failure of
 * its own: the job ends cancelled, with no error recorded. */
static void
test_cancel_then_closed (void)
{
  g_autoptr(TestJob) job = test_job_new (1000, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  job->closed_on_stop = TRUE;
  g_timeout_add (20, cancel_at_third, cancellable);
  g_assert_false (run_job (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_CANCELLED);
  g_assert_null (ferry_job_get_error (FERRY_JOB (job)));
}

/* The first failure recorded is the job's, whatever came after or what run_finish said. */
static void
test_first_error (void)
{
  g_autoptr(TestJob) job = test_job_new (3, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) first = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "first");
  g_autoptr(GError) second = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                  "second");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "c");

  g_assert_false (ferry_job_fail (FERRY_JOB (job), cancelled));
  g_assert_true (ferry_job_fail (FERRY_JOB (job), first));
  g_assert_false (ferry_job_fail (FERRY_JOB (job), second));
  job->fail_with = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "own");
  g_assert_false (run_job (job, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "first");
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_FAILED);
  g_assert_error (ferry_job_get_error (FERRY_JOB (job)), G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Waiting says until when and why; a pause keeps it, the end clears it. */
static void
test_waiting (void)
{
  g_autoptr(TestJob) job = test_job_new (1, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until = g_get_real_time () + 300 * G_USEC_PER_SEC;
  FerryJob *j = FERRY_JOB (job);

  ferry_job_run_async (j, NULL, ferry_test_got_result, &result);
  ferry_job_set_waiting (j, until, "The server allows 300 requests per 5 minutes.");
  g_assert_cmpint (ferry_job_get_state (j), ==, FERRY_JOB_STATE_WAITING);
  g_assert_cmpint (ferry_job_get_waiting_until (j), ==, until);
  g_assert_cmpstr (ferry_job_get_waiting_reason (j), ==,
                   "The server allows 300 requests per 5 minutes.");
  g_assert_true (ferry_job_is_active (j));
  ferry_job_pause (j);
  g_assert_cmpint (ferry_job_get_state (j), ==, FERRY_JOB_STATE_PAUSED);
  ferry_job_resume (j);
  g_assert_cmpint (ferry_job_get_state (j), ==, FERRY_JOB_STATE_WAITING);
  ferry_job_set_running (j);
  g_assert_cmpint (ferry_job_get_state (j), ==, FERRY_JOB_STATE_RUNNING);
  g_assert_cmpint (ferry_job_get_waiting_until (j), ==, 0);
  g_assert_null (ferry_job_get_waiting_reason (j));
  ferry_job_set_waiting (j, until, "Again.");
  g_assert_true (ferry_job_run_finish (j, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ferry_job_get_state (j), ==, FERRY_JOB_STATE_FINISHED);
  g_assert_cmpint (ferry_job_get_waiting_until (j), ==, 0);
}

static GStrv
unfinished (FerryJobManager *manager,
            const char      *kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStrv ids;

  ferry_job_manager_unfinished_async (manager, kind, NULL, ferry_test_got_result, &result);
  ids = ferry_job_manager_unfinished_finish (manager, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  return ids;
}

static void
flush (FerryJobManager *manager)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ferry_job_manager_flush_async (manager, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_job_manager_flush_finish (manager, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
}

/* The manager holds jobs while they run, and keeps on disk what must go on at the next start:
 * a job that finished is forgotten, one that failed is not. */
static void
test_manager (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ferry-test-job-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state", "jobs.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FerryJobManager) manager = ferry_job_manager_new (file);
  g_autoptr(FerryJobManager) again = NULL;
  g_autoptr(TestJob) job = test_job_new (3, 0);
  g_autoptr(TestJob) failing = test_job_new (1, 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) left = NULL;

  g_assert_cmpuint (g_strv_length (ids = unfinished (manager, "TestJob")), ==, 0);
  ferry_job_manager_remember (manager, "TestJob", "test");
  ferry_job_manager_remember (manager, "TestJob", "other");
  ferry_job_manager_remember (manager, "TestJob", "other");
  ferry_job_manager_add (manager, FERRY_JOB (job));
  g_assert_true (ferry_job_manager_find (manager, TEST_TYPE_JOB, "test") == FERRY_JOB (job));
  g_assert_null (ferry_job_manager_find (manager, TEST_TYPE_JOB, "nothing"));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_job_manager_get_jobs (manager)), ==, 1);
  flush (manager);

  /* What a later start finds. */
  again = ferry_job_manager_new (file);
  g_strfreev (ids);
  ids = unfinished (again, "TestJob");
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (ferry_job_manager_is_unfinished (again, "TestJob", "other"));

  g_assert_true (run_job (job, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_job_manager_get_jobs (manager)), ==, 0);
  g_assert_false (ferry_job_manager_is_unfinished (manager, "TestJob", "test"));
  failing->fail_with = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no");
  ferry_job_manager_add (manager, FERRY_JOB (failing));
  ferry_job_manager_remember (manager, "TestJob", "test");
  g_assert_false (run_job (failing, NULL, &error));
  g_assert_true (ferry_job_manager_is_unfinished (manager, "TestJob", "test"));
  ferry_job_manager_forget (manager, "TestJob", "other");
  flush (manager);

  g_clear_object (&again);
  again = ferry_job_manager_new (file);
  left = unfinished (again, "TestJob");
  g_assert_cmpuint (g_strv_length (left), ==, 1);
  g_assert_cmpstr (left[0], ==, "test");
  ferry_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/job/states", test_states);
  g_test_add_func ("/job/throttle", test_throttle);
  g_test_add_func ("/job/pause", test_pause);
  g_test_add_data_func ("/job/cancel/running", GINT_TO_POINTER (FALSE), test_cancel);
  g_test_add_data_func ("/job/cancel/paused", GINT_TO_POINTER (TRUE), test_cancel);
  g_test_add_func ("/job/cancel/closed", test_cancel_then_closed);
  g_test_add_func ("/job/first-error", test_first_error);
  g_test_add_func ("/job/waiting", test_waiting);
  g_test_add_func ("/job/manager", test_manager);

  return g_test_run ();
}
