/* ferry-job-throttle.c: a job's property notifications, at most one batch per interval
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first change after a quiet interval is notified at once; those that follow within the
 * interval are coalesced into one batch at its end. ferry_job_throttle_flush() notifies what
 * is pending now (the job does it before every change of state, so that the last values are
 * seen before the state that follows them).
 */

#define G_LOG_DOMAIN "ferry-job-throttle"

#include "config.h"

#include "ferry-job-throttle.h"

struct _FerryJobThrottle
{
  GObject               parent_instance;

  GObject              *target;       /* unowned: it owns the throttle */
  guint                 interval_ms;
  FerryJobThrottleFunc  flushed;
  gpointer              user_data;
  GPtrArray            *pending;      /* GParamSpec*, unowned: the target's class holds them */
  gboolean              queued;       /* something waits, if only the flushed call */
  gint64                last_flush;   /* monotonic µs; 0: never */
  GSource              *source;       /* owned: the flush at the interval's end */
  GMainContext         *context;      /* owned: where the target lives */
};

G_DEFINE_FINAL_TYPE (FerryJobThrottle, ferry_job_throttle, G_TYPE_OBJECT)

static gboolean
timeout_cb (gpointer user_data)
{
  ferry_job_throttle_flush (user_data);
  return G_SOURCE_REMOVE;
}

static void
ferry_job_throttle_finalize (GObject *object)
{
  FerryJobThrottle *self = FERRY_JOB_THROTTLE (object);

  ferry_job_throttle_stop (self);
  g_ptr_array_unref (self->pending);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (ferry_job_throttle_parent_class)->finalize (object);
}

static void
ferry_job_throttle_class_init (FerryJobThrottleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_job_throttle_finalize;
}

static void
ferry_job_throttle_init (FerryJobThrottle *self)
{
  self->pending = g_ptr_array_new ();
  self->context = g_main_context_ref_thread_default ();
}

/**
 * ferry_job_throttle_new:
 * @target: the object whose properties are notified; it owns the throttle
 * @flushed: (nullable): called after each flush
 */
FerryJobThrottle *
ferry_job_throttle_new (GObject              *target,
                        guint                 interval_ms,
                        FerryJobThrottleFunc  flushed,
                        gpointer              user_data)
{
  FerryJobThrottle *self;

  g_return_val_if_fail (G_IS_OBJECT (target), NULL);

  self = g_object_new (FERRY_TYPE_JOB_THROTTLE, NULL);
  self->target = target;
  self->interval_ms = interval_ms;
  self->flushed = flushed;
  self->user_data = user_data;
  return self;
}

/* @pspec: (nullable): a property of the target that changed; %NULL: only the flushed call */
void
ferry_job_throttle_queue (FerryJobThrottle *self,
                          GParamSpec       *pspec)
{
  gint64 wait;

  g_return_if_fail (FERRY_IS_JOB_THROTTLE (self));

  if (pspec != NULL && !g_ptr_array_find (self->pending, pspec, NULL))
    g_ptr_array_add (self->pending, pspec);
  self->queued = TRUE;
  if (self->source != NULL)
    return;
  wait = self->last_flush + (gint64) self->interval_ms * 1000 - g_get_monotonic_time ();
  if (self->last_flush == 0 || wait <= 0)
    {
      ferry_job_throttle_flush (self);
      return;
    }
  self->source = g_timeout_source_new ((guint) (wait / 1000) + 1);
  g_source_set_callback (self->source, timeout_cb, self, NULL);
  g_source_set_static_name (self->source, "[ferry] job progress");
  g_source_attach (self->source, self->context);
}

/* Notifies what is pending, now. */
void
ferry_job_throttle_flush (FerryJobThrottle *self)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GObject) target = NULL;

  g_return_if_fail (FERRY_IS_JOB_THROTTLE (self));

  ferry_job_throttle_stop (self);
  self->last_flush = g_get_monotonic_time ();
  if (!self->queued)
    return;
  self->queued = FALSE;
  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new ();
  target = g_object_ref (self->target);
  g_object_freeze_notify (target);
  for (guint i = 0; i < pending->len; i++)
    g_object_notify_by_pspec (target, g_ptr_array_index (pending, i));
  g_object_thaw_notify (target);
  if (self->flushed != NULL)
    self->flushed (self->user_data);
}

/* No flush at the interval's end (what is pending stays pending). */
void
ferry_job_throttle_stop (FerryJobThrottle *self)
{
  g_return_if_fail (FERRY_IS_JOB_THROTTLE (self));

  if (self->source == NULL)
    return;
  g_source_destroy (self->source);
  g_clear_pointer (&self->source, g_source_unref);
}
