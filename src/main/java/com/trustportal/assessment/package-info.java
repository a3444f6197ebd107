/**
 * The final assessment of a course: a fresh draw of questions from the course's bank for every
 * attempt, scoring against the pass mark, and a permanent record of every attempt per learner and
 * tenant. Passing is one of the two conditions of course completion.
 */
package com.trustportal.assessment;
