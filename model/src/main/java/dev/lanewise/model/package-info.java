/** lanewise model: trainers composed from the kernels (grown by later issues). */
package dev.lanewise.model;
